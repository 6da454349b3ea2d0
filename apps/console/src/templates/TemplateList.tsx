import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { TemplateView } from '@rd/contracts';
import { List, useListContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { templateFamilies } from './templateView';

const T = 'resources.templates';

/** Each family with its versions, newest first; a version opens its agenda, checklist and preview. */
const Families = () => {
  const { data } = useListContext<TemplateView>();
  const translate = useTranslate();
  const families = templateFamilies(data ?? []);
  return (
    <Stack spacing={2} sx={{ p: 2 }} data-testid="template-families">
      <Typography color="text.secondary">{translate(`${T}.intro`)}</Typography>
      {families.map((family) => (
        <Card key={family.key} variant="outlined" data-testid={`template-family-${family.key}`}>
          <CardContent>
            <Typography variant="h6" component="h2">
              {family.name}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate(`${T}.latest`, { version: family.latest.version, key: family.key })}
            </Typography>
            <Stack component="ul" spacing={0.5} sx={{ pl: 2, mb: 0 }}>
              {family.versions.map((version) => (
                <li key={version.id}>
                  <Typography component={Link} to={`/templates/${version.id}/show`} data-testid={`template-version-${family.key}-${version.version}`}>
                    {translate(`${T}.versionLine`, {
                      version: version.version,
                      agenda: version.agenda.length,
                      checklist: version.checklist.length,
                      date: version.createdAt.slice(0, 10),
                    })}
                  </Typography>
                </li>
              ))}
            </Stack>
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};

/** The handbook templates planners copy onto meetings: families and their immutable versions. */
export const TemplateList = () => (
  <List pagination={false} perPage={500} exporter={false} actions={false}>
    <Families />
  </List>
);
