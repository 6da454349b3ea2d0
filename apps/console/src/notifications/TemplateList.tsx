import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { NOTIFICATION_LANGUAGES, type NotificationTemplateView } from '@rd/contracts';
import { useMemo } from 'react';
import { Loading, Title, useCreatePath, useGetList, useNavigate, useTranslate } from 'react-admin';
import { templateId, templateMatrix } from './templates';
import { useFailureText } from '../data/useFailureText';

/**
 * Templates per event type (rows) and language (columns): the current version, or "none" where the language
 * falls back to Russian then English at send time. A cell opens the template (or its first version).
 */
export const TemplateList = () => {
  const translate = useTranslate();
  const failureText = useFailureText();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const { data, isPending, error } = useGetList<NotificationTemplateView>('notifications/templates', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'id', order: 'ASC' },
  });
  const rows = useMemo(() => templateMatrix(data ?? []), [data]);
  const open = (id: string) => navigate(createPath({ resource: 'notifications/templates', id, type: 'show' }));
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="notifications.templates.title" />
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('notifications.templates.intro')}
        </Typography>
        {error && <Typography color="error">{failureText(error)}</Typography>}
        {isPending ? (
          <Loading />
        ) : (
          <Table size="small" data-testid="template-matrix">
            <TableHead>
              <TableRow>
                <TableCell>{translate('notifications.fields.type')}</TableCell>
                {NOTIFICATION_LANGUAGES.map((language) => (
                  <TableCell key={language}>{translate(`app.languages.${language}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.type}>
                  <TableCell>{translate(`notifications.types.${row.type}`)}</TableCell>
                  {NOTIFICATION_LANGUAGES.map((language) => {
                    const version = row.versions[language];
                    const id = templateId(row.type, language);
                    return (
                      <TableCell key={language}>
                        <Chip
                          size="small"
                          clickable
                          data-testid={`template-${id}`}
                          variant={version === null ? 'outlined' : 'filled'}
                          color={version === null ? 'default' : 'primary'}
                          label={
                            version === null
                              ? translate('notifications.templates.none')
                              : translate('notifications.templates.version', { version })
                          }
                          onClick={() => open(id)}
                        />
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
