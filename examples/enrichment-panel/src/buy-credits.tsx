import { creditQueryKeys, useCreditClient, useCreditFormat, useCreditRole, useCreditStore } from '@creditkit/react';
import { type FormEvent, useRef, useState } from 'react';

/**
 * The host's price list. The Credit API records purchases but takes no payment: a real host charges the card
 * (its payment provider) first, then calls `purchases.create`.
 */
const packs = [
  { credits: 1_000, priceCents: 1_000 },
  { credits: 5_000, priceCents: 4_500 },
  { credits: 20_000, priceCents: 16_000 },
] as const;

type Pack = (typeof packs)[number];

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const priceOf = (pack: Pack) => dollars.format(pack.priceCents / 100);

/** Buying one-time credits (R17): pick a pack, see its price, confirm in a dialog; admins only (R20). */
export function BuyCredits() {
  const client = useCreditClient();
  const store = useCreditStore();
  const { formatCredits } = useCreditFormat();
  const isAdmin = useCreditRole() === 'admin';
  const [chosen, setChosen] = useState<Pack>(packs[1]);
  const [buying, setBuying] = useState(false);
  const [message, setMessage] = useState('');
  const confirmation = useRef<HTMLDialogElement>(null);
  const packLabel = (pack: Pack) => `${formatCredits(pack.credits)} credits`;

  const buy = async (event: FormEvent) => {
    event.preventDefault();
    setBuying(true);
    try {
      const purchase = await client.purchases.create({ credits: chosen.credits });
      setMessage(`Bought ${formatCredits(purchase.credits)} credits for ${priceOf(chosen)}; they never expire.`);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBuying(false);
      confirmation.current?.close();
    }
    store.invalidate(creditQueryKeys.balance);
  };

  return (
    <section aria-labelledby="buy-title" className="card">
      <h2 id="buy-title">Purchase credits</h2>
      {isAdmin ? (
        <>
          <fieldset className="packs">
            <legend>Credit pack</legend>
            {packs.map((pack) => (
              <label key={pack.credits} className="pack">
                <input type="radio" name="pack" checked={chosen === pack} onChange={() => setChosen(pack)} />
                <span className="pack-credits">{packLabel(pack)}</span>
                <span className="pack-price">{priceOf(pack)}</span>
              </label>
            ))}
          </fieldset>
          <p className="muted">One-time credits never expire and are spent after your plan's credits.</p>
          <button type="button" className="primary" onClick={() => confirmation.current?.showModal()}>
            Buy {packLabel(chosen)}…
          </button>
          <dialog ref={confirmation} className="confirm" aria-labelledby="buy-confirm-title">
            <form method="dialog" onSubmit={buy}>
              <h2 id="buy-confirm-title">
                Buy {packLabel(chosen)} for {priceOf(chosen)}?
              </h2>
              <p>They are added to the balance at once. This demo charges no card.</p>
              {/* Cancel comes first: the dialog opens with the focus on it, so Enter alone buys nothing. */}
              <div className="dialog-actions">
                <button type="button" onClick={() => confirmation.current?.close()}>
                  Cancel
                </button>
                <button type="submit" className="primary" disabled={buying}>
                  Buy for {priceOf(chosen)}
                </button>
              </div>
            </form>
          </dialog>
        </>
      ) : (
        <p>Only workspace admins can buy credits.</p>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
