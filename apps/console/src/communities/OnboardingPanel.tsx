import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate } from 'react-admin';
import type { CommunityRecord } from '../types';
import { checklistModel } from './onboarding';
import { TransitionButtons } from './TransitionButtons';

/** The onboarding checklist, every item ticked or missing, and the moves the current status allows. */
export const OnboardingPanel = () => {
  const record = useRecordContext<CommunityRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const model = checklistModel(record.checklist);
  return (
    <Card variant="outlined" data-testid="onboarding-panel">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2">
            {translate('resources.communities.checklist.title')}
          </Typography>
          <Chip
            color={record.status === 'active' ? 'success' : 'default'}
            label={translate(`resources.communities.statuses.${record.status}`)}
            data-testid="community-status"
          />
          {record.statusEffectiveOn && (
            <Typography variant="body2" color="text.secondary" data-testid="community-status-since">
              {translate('resources.communities.transitions.effectiveSince', { date: record.statusEffectiveOn })}
            </Typography>
          )}
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} id="onboarding-progress">
          {translate('resources.communities.checklist.progress', { done: model.done, total: model.total })}
        </Typography>
        <LinearProgress
          aria-labelledby="onboarding-progress"
          variant="determinate"
          value={(model.done / model.total) * 100}
          color={model.complete ? 'success' : 'primary'}
          sx={{ my: 1, height: 8, borderRadius: 4 }}
        />
        <List dense={false}>
          {model.rows.map((row) => (
            <ListItem key={row.item} data-testid={`checklist-${row.item}`} data-done={row.done}>
              <ListItemIcon>
                {row.done ? (
                  <CheckCircleIcon color="success" titleAccess={translate('resources.communities.checklist.done')} />
                ) : (
                  <RadioButtonUncheckedIcon
                    color="disabled"
                    titleAccess={translate('resources.communities.checklist.missing')}
                  />
                )}
              </ListItemIcon>
              <ListItemText
                primary={translate(row.label)}
                secondary={
                  row.done ? translate('resources.communities.checklist.done') : translate(row.hint)
                }
              />
            </ListItem>
          ))}
        </List>
        {model.complete && record.status === 'onboarding' && (
          <Alert severity="success" sx={{ mb: 2 }}>
            {translate('resources.communities.checklist.ready')}
          </Alert>
        )}
        <TransitionButtons />
      </CardContent>
    </Card>
  );
};
