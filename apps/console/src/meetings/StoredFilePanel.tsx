import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { MeetingStatus, SignInSheetView } from '@rd/contracts';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { HttpError, useCanAccess, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { describeFailure } from '../data/failure';
import { saveFile, useFileClient } from '../data/fileClient';
import { holdStepOffer } from './holdStep';
import { checkSheetSize, formatBytes, refusalKey, sha256Hex, SIGN_IN_SHEET_ACCEPT } from './signInSheet';
import { useFailureText } from '../data/useFailureText';

interface Uploaded {
  fileName: string;
  sheet: SignInSheetView;
  /** The gateway's SHA-256 equals the one of the file on this device: the stored sheet is the one picked. */
  matches: boolean;
}

/** The failure in words (useFailureText); a refusal first says, by status, what this file panel could not do. */
function refusalText(error: unknown, translate: (key: string, options?: object) => string, failureText: (error: unknown) => string, T: string): string {
  const failure = describeFailure(error);
  if (failure.kind === 'network') return failureText(error);
  return `${translate(refusalKey(failure.status ?? undefined, T))} ${failureText(error)}`;
}

/**
 * The photo or scan of the paper sign-in sheet of a held meeting. Uploading is for roles that record the meeting
 * (meetings.hold); anyone who can open the meeting may download it (each download is audited by the gateway).
 */
export const SignInSheetPanel = () => {
  const record = useRecordContext<{ id: string; status: MeetingStatus }>();
  const { canAccess: canHold = false } = useCanAccess({ resource: 'meetings', action: 'hold' });
  if (!record) return null;
  return (
    <StoredFilePanel path={`meetings/${record.id}/attendance/sign-in-sheet`} canUpload={canHold && holdStepOffer(record.status).signInSheet} texts="resources.meetings.signInSheet" testId="sign-in-sheet" fallbackName={`sign-in-sheet-${record.id}`} />
  );
};

/**
 * One file kept with a meeting (a scan or photo: JPEG, PNG or PDF up to 5 MiB) at `path` under the gateway: upload
 * (replacing the previous one) with the SHA-256 compared to the file on this device, and download. `texts` is the
 * message prefix of its labels and refusals, `testId` the prefix of its test ids.
 */
export const StoredFilePanel = ({ path, canUpload, texts: T, testId, fallbackName }: { path: string; canUpload: boolean; texts: string; testId: string; fallbackName: string }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const download = useFileClient();
  const translate = useTranslate();
  const failureText = useFailureText();
  const input = useRef<HTMLInputElement>(null);
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { mutate: send, isPending: pending } = useMutation({
    mutationFn: async (file: File): Promise<Uploaded> => {
      const bytes = await file.arrayBuffer();
      // Declared as octet-stream: the gateway types the file by its first bytes, so a phone's odd file name or
      // type guess does not refuse a good scan, and a renamed non-image is still refused (415).
      const sheet = await dataProvider.putFile<SignInSheetView>(path, new Blob([bytes]), 'application/octet-stream');
      return { fileName: file.name, sheet, matches: (await sha256Hex(bytes)) === sheet.sha256 };
    },
    onSuccess: setUploaded,
    onError: (caught) => setProblem(refusalText(caught, translate, failureText, T)),
    onSettled: () => {
      if (input.current) input.current.value = '';
    },
  });

  const upload = (file: File) => {
    setProblem(null);
    const tooBig = checkSheetSize(file.size, T);
    if (tooBig) {
      setProblem(translate(tooBig));
      return;
    }
    send(file);
  };

  const fetchSheet = async () => {
    setProblem(null);
    try {
      saveFile(await download(path), fallbackName);
    } catch (caught) {
      setProblem(caught instanceof HttpError && caught.status === 404 ? translate(`${T}.none`) : refusalText(caught, translate, failureText, T));
    }
  };

  return (
    <Stack spacing={1} data-testid={`${testId}-panel`} sx={{ mt: 3 }}>
      <Typography variant="h6">{translate(`${T}.title`)}</Typography>
      {canUpload && (
        <Box>
          <input
            ref={input}
            type="file"
            accept={SIGN_IN_SHEET_ACCEPT}
            hidden
            data-testid={`${testId}-input`}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) upload(file);
            }}
          />
          <Button size="large" variant="contained" disabled={pending} onClick={() => input.current?.click()} data-testid={`${testId}-upload`}>
            {translate(pending ? `${T}.uploading` : `${T}.upload`)}
          </Button>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {translate(`${T}.help`)}
          </Typography>
        </Box>
      )}
      {uploaded && (
        <Alert severity={uploaded.matches ? 'success' : 'warning'} data-testid={`${testId}-info`}>
          {translate(`${T}.stored`, { name: uploaded.fileName, size: formatBytes(uploaded.sheet.sizeBytes), type: uploaded.sheet.mediaType })}
          <Box component="code" data-testid={`${testId}-sha256`} sx={{ display: 'block', wordBreak: 'break-all' }}>
            SHA-256 {uploaded.sheet.sha256}
          </Box>
          {translate(uploaded.matches ? `${T}.matches` : `${T}.differs`)}
        </Alert>
      )}
      {problem !== null && (
        <Alert severity="error" data-testid={`${testId}-problem`}>
          {problem}
        </Alert>
      )}
      <Box>
        <Button size="large" variant="outlined" onClick={fetchSheet} data-testid={`${testId}-download`}>
          {translate(`${T}.download`)}
        </Button>
      </Box>
    </Stack>
  );
};
