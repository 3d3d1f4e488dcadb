import { Fragment } from 'react';

/**
 * An enriched value that may be longer than its column (an email address, a profile URL): it may break after
 * `@` and `/` and before `.`, so it wraps where a reader expects rather than mid-word or out of its cell.
 */
export function BreakableValue({ value }: { value: string }) {
  const parts = value.split(/(?<=[@/])|(?=\.)/);
  return (
    <>
      {parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, never reordered
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}
