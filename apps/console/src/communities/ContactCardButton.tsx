import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import Button from '@mui/material/Button';
import { useRecordContext, useTranslate } from 'react-admin';
import { useNotifyError } from '../data/apiQueries';
import { saveFile, useFileClient } from '../data/fileClient';
import type { CommunityRecord } from '../types';
import { contactCardPdfPath } from './contactCard';

/**
 * "Contact card (PDF)": the community's card to print and hand out (ADR 49): one A6 page per current officer who
 * agreed to publish a work phone, else the police unit's duty number, in the community's language.
 */
export const ContactCardButton = () => {
  const community = useRecordContext<CommunityRecord>();
  const translate = useTranslate();
  const download = useFileClient();
  const notifyError = useNotifyError();
  if (!community) return null;
  const fetchPdf = async () => {
    try {
      saveFile(await download(contactCardPdfPath(String(community.id))), `contact-card-${community.id}.pdf`);
    } catch (caught) {
      notifyError(caught, 'resources.communities.contactCard.pdfFailed');
    }
  };
  return (
    <Button variant="outlined" startIcon={<PictureAsPdfIcon />} onClick={() => void fetchPdf()} data-testid="contact-card-pdf">
      {translate('resources.communities.contactCard.pdf')}
    </Button>
  );
};
