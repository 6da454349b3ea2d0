import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  List,
  ListItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { Link, Title, useCreatePath, useTranslate } from 'react-admin';
import type { z } from 'zod';
import type { UploadPhase } from './importClient';
import { useImportClient } from './ImportClientContext';
import { canApply, fileProblem, importMediaType, readImportAnswer, type ImportAnswer, type ImportReport } from './importFile';
import { useFailureText } from '../data/useFailureText';

const T = 'imports';

export interface ImportWizardProps<R> {
  /** Gateway paths under /api/v1: the dry-run (200 report) and the apply (201 result, 422 report). */
  paths: { dryRun: string; apply: string };
  /** Message key of the page title. */
  title: string;
  /** The introduction: what a row is and which columns the file has. */
  intro: ReactNode;
  /** Reads what the apply answers. */
  resultSchema: z.ZodType<R>;
  /** What the page shows once the file is imported (links to what was created). */
  applied: (result: R) => ReactNode;
  maxBytes?: number;
  testId?: string;
}

/**
 * The import wizard every bulk import shares: pick a CSV or XLSX file → dry-run report (row, column, problem) →
 * import, enabled only for a clean report → what was created. The gateway parses the file; the console shows upload
 * progress and a processing state while it does.
 */
export function ImportWizard<R>({ paths, title, intro, resultSchema, applied, maxBytes, testId }: ImportWizardProps<R>) {
  const translate = useTranslate();
  const failureText = useFailureText();
  const send = useImportClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [phase, setPhase] = useState<UploadPhase>();
  const [answer, setAnswer] = useState<ImportAnswer<R>>();
  const [failure, setFailure] = useState<string>();

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    setAnswer(undefined);
    setFailure(undefined);
    if (!picked) return setFile(undefined);
    const problem = fileProblem(picked, maxBytes);
    setFile(problem ? undefined : picked);
    if (problem) setFailure(translate(problem.key, problem.values));
  };

  const run = async (path: string) => {
    if (!file) return;
    setFailure(undefined);
    try {
      const { status, body } = await send(path, file, importMediaType(file.name) ?? '', setPhase);
      setAnswer(readImportAnswer(status, body, resultSchema));
    } catch (caught) {
      setFailure(failureText(caught));
    } finally {
      setPhase(undefined);
    }
  };

  const report = answer?.kind === 'report' || answer?.kind === 'rejected' ? answer.report : undefined;
  const busy = phase !== undefined;

  return (
    <Card sx={{ mt: 2 }} data-testid={testId}>
      <Title title={translate(title)} />
      <CardContent>
        <Stack spacing={2}>
          {intro}
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button variant="outlined" startIcon={<UploadFileIcon />} disabled={busy} onClick={() => input.current?.click()}>
              {translate(`${T}.pick`)}
            </Button>
            <input ref={input} hidden type="file" accept=".csv,.xlsx,text/csv" onChange={pick} data-testid="import-file" />
            <Typography variant="body2">{file ? `${file.name} (${Math.ceil(file.size / 1024)} KB)` : translate(`${T}.noFile`)}</Typography>
          </Stack>
          <Stack direction="row" spacing={2}>
            <Button variant="contained" disabled={!file || busy || answer?.kind === 'applied'} onClick={() => void run(paths.dryRun)}>
              {translate(`${T}.check`)}
            </Button>
            <Button
              variant="contained"
              color="success"
              disabled={!file || busy || answer?.kind !== 'report' || !canApply(answer.report)}
              onClick={() => void run(paths.apply)}
            >
              {translate(`${T}.apply`, { count: report?.valid ?? 0 })}
            </Button>
          </Stack>
          {phase && <Progress phase={phase} />}
          {failure && <Alert severity="error">{failure}</Alert>}
          {answer?.kind === 'problem' && <Alert severity="error">{failureText({ status: answer.status, body: { problem: answer.problem } })}</Alert>}
          {report && <Report report={report} rejected={answer?.kind === 'rejected'} />}
          {answer?.kind === 'applied' && applied(answer.result)}
        </Stack>
      </CardContent>
    </Card>
  );
}

const Progress = ({ phase }: { phase: UploadPhase }) => {
  const translate = useTranslate();
  return phase.phase === 'uploading' ? (
    <Box>
      <Typography variant="body2">{translate(`${T}.uploading`, { percent: Math.round(phase.fraction * 100) })}</Typography>
      <LinearProgress variant="determinate" value={phase.fraction * 100} />
    </Box>
  ) : (
    <Box>
      <Typography variant="body2">{translate(`${T}.processing`)}</Typography>
      <LinearProgress />
    </Box>
  );
};

const Report = ({ report, rejected }: { report: ImportReport; rejected: boolean }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1} data-testid="import-report">
      <Typography variant="subtitle1">{translate(`${T}.summary`, { rows: report.rows, valid: report.valid })}</Typography>
      {report.errors.length === 0 ? (
        <Alert severity="success">{translate(`${T}.clean`)}</Alert>
      ) : (
        <>
          <Alert severity={rejected ? 'error' : 'warning'}>{translate(`${T}.problems`)}</Alert>
          <Table size="small" aria-label={translate(`${T}.problemsTable`)} data-testid="import-problems">
            <TableHead>
              <TableRow>
                <TableCell>{translate(`${T}.columns.row`)}</TableCell>
                <TableCell>{translate(`${T}.columns.field`)}</TableCell>
                <TableCell>{translate(`${T}.columns.message`)}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.errors.map((error, i) => (
                <TableRow key={`${error.row}-${error.field}-${i}`}>
                  <TableCell>{error.row || '—'}</TableCell>
                  <TableCell>{error.field}</TableCell>
                  <TableCell>{error.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Stack>
  );
};

/**
 * What an applied import created: a success line and a link per record (`resource`/`id` to its page, `label` as
 * the link text, `extra` after it).
 */
export const ImportedList = ({ done, resource, items }: { done: string; resource: string; items: { id: string; label: string; extra?: string }[] }) => {
  const createPath = useCreatePath();
  return (
    <Stack spacing={1}>
      <Alert severity="success">{done}</Alert>
      <List dense>
        {items.map((item) => (
          <ListItem key={item.id}>
            <Link to={createPath({ resource, type: 'show', id: item.id })}>{item.label}</Link>
            {item.extra && <>&nbsp;{item.extra}</>}
          </ListItem>
        ))}
      </List>
    </Stack>
  );
};
