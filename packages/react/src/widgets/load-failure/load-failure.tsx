import type { ReactNode } from 'react';
import { useMessageGroup } from '../../hooks/use-message-group';
import { englishCommon } from '../../messages/english/common';

/**
 * What a widget shows when its data could not be loaded: an alert, and the way to ask again. Shared so
 * that every widget fails the same way, in the same words (`common.loadFailed`, `common.retry`).
 */
export function LoadFailure({ onRetry }: { onRetry: () => void }): ReactNode {
  const common = useMessageGroup('common', englishCommon);
  return (
    <div className="ck-load-failure" role="alert">
      <p>{common.loadFailed}</p>
      <button type="button" onClick={onRetry}>
        {common.retry}
      </button>
    </div>
  );
}
