import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { useMessageGroup } from '../../hooks/use-message-group';
import { englishSpendLimit } from '../../messages/english/spend-limit';
import { SpendLimitForm } from './spend-limit-form';

/** Which limit the dialog edits: a workbook's (R11) or an enrichment's (R12), never both. */
export type SpendLimitDialogTarget =
  | {
      /** The host's id of the workbook whose limit the dialog edits. */
      workbookId: string;
      /** Not with `workbookId`: the dialog edits one limit. */
      enrichmentId?: undefined;
    }
  | {
      /** The host's id of the enrichment whose limit the dialog edits. */
      enrichmentId: string;
      /** Not with `enrichmentId`: the dialog edits one limit. */
      workbookId?: undefined;
    };

/** The props of `<SpendLimitDialog>`: the limit it edits, its trigger, and its open state, controlled or not. */
export type SpendLimitDialogProps = SpendLimitDialogTarget & {
  /**
   * The trigger: one element that takes a ref and props, usually a `<button>`. A default button named
   * after the dialog when omitted.
   */
  children?: ReactNode;
  /** Controlled open state, with `onOpenChange`. */
  open?: boolean | undefined;
  /** Open on first render, uncontrolled. */
  defaultOpen?: boolean | undefined;
  /** Called when the dialog opens or closes: its trigger, Cancel or Done, Escape or a click outside. */
  onOpenChange?: ((open: boolean) => void) | undefined;
  /**
   * Called as the closed dialog gives the focus back to its trigger; `event.preventDefault()` keeps it from
   * doing so, for a host that removes the trigger on close and puts the focus somewhere else itself.
   */
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  /**
   * The theme of the default trigger and of the dialog. The dialog renders at the end of `<body>`, out
   * of reach of a `data-theme` set around the trigger, so it is said here.
   */
  theme?: 'light' | 'dark' | undefined;
  /** Added to the class of the dialog's `.ck-root`, which holds its backdrop and content. */
  className?: string | undefined;
};

/**
 * A dialog to turn a workbook's (R11) or an enrichment's (R12) credit spend limit on or off and set
 * it, showing what is spent and what remains, live. Admins only (R20): members see the controls
 * disabled, with the reason. The save shows at once and is undone if the API refuses it; a limit
 * below what is already spent asks for confirmation first.
 *
 * Works under a strict Content-Security-Policy without a nonce: it injects no `<style>`.
 */
export function SpendLimitDialog({
  workbookId,
  enrichmentId,
  children,
  open,
  defaultOpen,
  onOpenChange,
  onCloseAutoFocus,
  theme,
  className,
}: SpendLimitDialogProps): ReactNode {
  const text = useMessageGroup('spendLimit', englishSpendLimit);
  const target = workbookId === undefined ? { enrichmentId } : { workbookId };
  const title = workbookId === undefined ? text.enrichmentTitle : text.workbookTitle;
  return (
    <Dialog.Root open={open} defaultOpen={defaultOpen} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        {children ?? (
          <button type="button" className="ck-root ck-spend-limit__trigger" data-theme={theme}>
            {title}
          </button>
        )}
      </Dialog.Trigger>
      <Dialog.Portal>
        <div className={`ck-root ck-spend-limit ${className ?? ''}`.trim()} data-theme={theme}>
          {/*
           * Not Radix's Overlay: its scroll lock injects a <style>, which a strict CSP refuses unless it
           * carries a nonce. A plain backdrop and a CSS scroll lock (the stylesheet's :has() rule) do the same.
           */}
          <div className="ck-spend-limit__backdrop" />
          <Dialog.Content className="ck-spend-limit__content" onCloseAutoFocus={onCloseAutoFocus}>
            <Dialog.Title className="ck-spend-limit__title">{title}</Dialog.Title>
            <Dialog.Description className="ck-spend-limit__description">{text.description}</Dialog.Description>
            <SpendLimitForm target={target} />
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
