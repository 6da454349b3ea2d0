import HolidayVillageIcon from '@mui/icons-material/HolidayVillage';
import { lazyPage } from '../lazyPage';

const CommunityCreate = lazyPage(() => import('./CommunityCreate'), 'CommunityCreate');
const CommunityEdit = lazyPage(() => import('./CommunityEdit'), 'CommunityEdit');
const CommunityList = lazyPage(() => import('./CommunityList'), 'CommunityList');
const CommunityShow = lazyPage(() => import('./CommunityShow'), 'CommunityShow');

export default {
  list: CommunityList,
  show: CommunityShow,
  create: CommunityCreate,
  edit: CommunityEdit,
  icon: HolidayVillageIcon,
};
