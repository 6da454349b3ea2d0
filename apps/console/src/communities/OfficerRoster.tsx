import PersonAddIcon from '@mui/icons-material/PersonAdd';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { AutocompleteInput, Button, CanAccess, DataTable, DateInput, Form, ReferenceField, ReferenceInput, ReferenceManyField, required, ResourceContextProvider, SaveButton, Toolbar, useCreate, useNotify, useRecordContext, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import type { CommunityRecord } from '../types';
import { UserNameField } from '../directory/UserName';
import { ContactCardButton } from './ContactCardButton';
import { toAssignOfficerInput, type AssignOfficerValues } from './officerInput';
import { useNotifyError } from '../data/apiQueries';
import { LocalDateField } from '../i18n/LocalDateField';

const byName = { field: 'name', order: 'ASC' } as const;
const nameSearch = (q: string) => (q ? { q } : {});

const CurrentField = (_props: { source: 'current'; label?: string }) => {
  const record = useRecordContext<{ current?: boolean }>();
  const translate = useTranslate();
  return record?.current ? <Chip color="success" label={translate('resources.officer-assignments.current')} /> : null;
};

/** Who served the community as its police officer, newest first, and (officer:assign) a new assignment. */
export const OfficerRoster = () => {
  const community = useRecordContext<CommunityRecord>();
  const translate = useTranslate();
  if (!community) return null;
  return (
    <CanAccess resource="officer-assignments" action="list">
      <Card variant="outlined" data-testid="officer-roster">
        <CardContent>
          <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap' }}>
            <Typography variant="h6" component="h2">
              {translate('resources.officer-assignments.title')}
            </Typography>
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
              <ContactCardButton />
              <CanAccess resource="officer-assignments" action="create">
                <AssignOfficerButton community={community} />
              </CanAccess>
            </Box>
          </Box>
          <ReferenceManyField
            reference="officer-assignments"
            target="communityId"
            sort={{ field: 'since', order: 'DESC' }}
            perPage={50}
            empty={
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {translate('resources.officer-assignments.empty')}
              </Typography>
            }
          >
            {/* A phone scrolls the table sideways, not the page: the box adds nothing to the card's minimum width. */}
            <Box sx={{ overflowX: 'auto', width: 0, minWidth: '100%' }} data-testid="officer-roster-table">
              <DataTable bulkActionButtons={false} rowClick={false}>
                <DataTable.Col source="officerContactId" disableSort>
                  <ReferenceField source="officerContactId" reference="contacts" link="show" />
                </DataTable.Col>
                <DataTable.Col source="login" label="resources.contacts.fields.userId" disableSort>
                  {/* The officer's login, when the contact is linked to one (ADR 34). */}
                  <ReferenceField source="officerContactId" reference="contacts" link={false}>
                    <UserNameField source="userId" />
                  </ReferenceField>
                </DataTable.Col>
                <DataTable.Col source="policeUnitId" disableSort>
                  <ReferenceField source="policeUnitId" reference="organisations" link="show" emptyText="—" />
                </DataTable.Col>
                <DataTable.Col source="since">
                  <LocalDateField source="since" />
                </DataTable.Col>
                <DataTable.Col source="until" disableSort>
                  <LocalDateField source="until" emptyText="—" />
                </DataTable.Col>
                <DataTable.Col source="current" disableSort>
                  <CurrentField source="current" />
                </DataTable.Col>
              </DataTable>
            </Box>
          </ReferenceManyField>
        </CardContent>
      </Card>
    </CanAccess>
  );
};

const AssignOfficerButton = ({ community }: { community: CommunityRecord }) => {
  const [open, setOpen] = useState(false);
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const refresh = useRefresh();
  const [create, { isPending }] = useCreate();
  const district = { districtCode: community.districtCode };

  const submit = (values: Partial<RaRecord>) =>
    create(
      'officer-assignments',
      { data: toAssignOfficerInput(String(community.id), values as AssignOfficerValues) },
      {
        onSuccess: () => {
          notify('resources.officer-assignments.assigned', { type: 'success' });
          setOpen(false);
          // The community's officer and checklist change with the roster.
          refresh();
        },
        onError: (error) => notifyError(error),
      },
    );

  return (
    <>
      <Button label="resources.officer-assignments.assign" onClick={() => setOpen(true)} data-testid="assign-officer">
        <PersonAddIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('resources.officer-assignments.assign')}</DialogTitle>
        <DialogContent>
          <ResourceContextProvider value="officer-assignments">
            <Form
              onSubmit={submit}
              record={{ policeUnitId: community.policeUnitId ?? undefined }}
            >
              <ReferenceInput source="officerContactId" reference="contacts" sort={byName} filter={district}>
                <AutocompleteInput optionText="name" filterToQuery={nameSearch} validate={required()} />
              </ReferenceInput>
              <ReferenceInput
                source="policeUnitId"
                reference="organisations"
                sort={byName}
                filter={{ ...district, kind: 'district-police' }}
              >
                <AutocompleteInput optionText="name" filterToQuery={nameSearch} />
              </ReferenceInput>
              <DateInput source="since" helperText="resources.officer-assignments.sinceHelp" />
              <Toolbar sx={{ px: 0 }}>
                <SaveButton label="resources.officer-assignments.assign" disabled={isPending} alwaysEnable />
              </Toolbar>
            </Form>
          </ResourceContextProvider>
        </DialogContent>
      </Dialog>
    </>
  );
};
