import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { SIGN_IN_SHEET_MAX_BYTES } from '@rd/contracts';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { checkSheetSize, formatBytes } from '../../meetings/signInSheet';
import { meetingPath, type HoldContext } from './holdPack';

/** Far under the service's 5 MiB: names on a sheet stay legible at 2400 px, and a field connection carries it. */
const TARGET_BYTES = Math.min(SIGN_IN_SHEET_MAX_BYTES, 1024 * 1024);

/**
 * A photo made smaller on the phone, without a web worker (the library would fetch its worker script from a CDN). The
 * library is its own chunk, loaded on the first photo (the service worker precaches it for offline use).
 */
export async function compressSheet(file: File): Promise<Blob> {
  if (!file.type.startsWith('image/')) return file;
  try {
    const { default: imageCompression } = await import('browser-image-compression');
    return await imageCompression(file, { maxSizeMB: TARGET_BYTES / (1024 * 1024), maxWidthOrHeight: 2400, useWebWorker: false, fileType: 'image/jpeg' });
  } catch {
    return file;
  }
}

/** The sign-in sheet from the camera (`capture`), compressed, queued as the upload StoredFilePanel sends (PUT of the bytes). */
export const SheetForm = ({ hold, onSaved }: { hold: HoldContext; onSaved: () => void }) => {
  const translate = useTranslate();
  const [photo, setPhoto] = useState<Blob | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!photo) return setPreview(null);
    const url = URL.createObjectURL(photo);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [photo]);

  const chosen = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    const small = await compressSheet(file);
    setBusy(false);
    const refused = checkSheetSize(small.size);
    if (refused) return setError(refused);
    setPhoto(small);
  };

  const save = async () => {
    if (!photo) return;
    await hold.save({ kind: 'sign-in-sheet', method: 'PUT', path: meetingPath(hold.parts.meeting.id, 'attendance/sign-in-sheet'), file: photo, summary: formatBytes(photo.size) });
    setPhoto(null);
    onSaved();
  };

  return (
    <Stack spacing={2} data-testid="field-sheet">
      <Button component="label" variant="outlined" size="large" sx={{ minHeight: 56 }} disabled={busy}>
        {translate('field.hold.sheet.take')}
        <input
          hidden
          type="file"
          accept="image/*"
          capture="environment"
          onChange={(event) => void chosen(event.target.files?.[0])}
          data-testid="field-sheet-input"
        />
      </Button>
      {busy && <Typography>{translate('field.hold.sheet.compressing')}</Typography>}
      {error && <Alert severity="error">{translate(error)}</Alert>}
      {photo && preview && (
        <>
          <Box component="img" src={preview} alt="" sx={{ maxWidth: '100%', maxHeight: 240, objectFit: 'contain' }} />
          <Typography data-testid="field-sheet-size">{translate('field.hold.sheet.ready', { size: formatBytes(photo.size) })}</Typography>
          <Button variant="contained" size="large" sx={{ minHeight: 56 }} onClick={() => void save()} data-testid="field-sheet-save">
            {translate('field.hold.sheet.save')}
          </Button>
        </>
      )}
    </Stack>
  );
};
