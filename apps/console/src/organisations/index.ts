import CorporateFareIcon from '@mui/icons-material/CorporateFare';
import { lazyPage } from '../lazyPage';

const OrganisationCreate = lazyPage(() => import('./OrganisationCreate'), 'OrganisationCreate');
const OrganisationEdit = lazyPage(() => import('./OrganisationEdit'), 'OrganisationEdit');
const OrganisationList = lazyPage(() => import('./OrganisationList'), 'OrganisationList');
const OrganisationShow = lazyPage(() => import('./OrganisationShow'), 'OrganisationShow');

export default {
  list: OrganisationList,
  show: OrganisationShow,
  create: OrganisationCreate,
  edit: OrganisationEdit,
  icon: CorporateFareIcon,
};
