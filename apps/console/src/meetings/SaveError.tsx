import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useTranslate } from 'react-admin';
import { describeFailure } from '../data/failure';
import { useFailureText } from '../data/useFailureText';

const SAVE_FAILED = {
  network: 'resources.meetings.saveFailed',
  refused: 'resources.meetings.saveRefused',
  unavailable: 'resources.meetings.saveUnavailable',
  other: 'resources.meetings.saveOther',
} as const;

/**
 * A failed save, with the values still in the form. Only a request that got no answer says "check the connection";
 * a refusal says the server's reason in the reader's language, with what to do next (useFailureText). Retry is offered when
 * sending the same again can help: the network, or a server that could not answer.
 */
export const SaveError = ({ error, onRetry }: { error: unknown; onRetry: () => void }) => {
  const translate = useTranslate();
  const failureText = useFailureText();
  const failure = describeFailure(error);
  const reason = failure.kind === 'network' ? '' : failureText(error);
  const retry = failure.kind === 'network' || failure.kind === 'unavailable';
  return (
    <Alert
      severity="error"
      data-testid="save-error"
      data-failure={failure.kind}
      action={
        retry && (
          <Button color="inherit" size="large" onClick={onRetry} data-testid="save-retry">
            {translate('resources.meetings.retry')}
          </Button>
        )
      }
    >
      {translate(SAVE_FAILED[failure.kind], { reason })}
    </Alert>
  );
};
