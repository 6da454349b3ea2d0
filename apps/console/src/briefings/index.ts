import GavelIcon from '@mui/icons-material/Gavel';
import { lazyPage } from '../lazyPage';

const BriefingCreate = lazyPage(() => import('./BriefingCreate'), 'BriefingCreate');
const BriefingList = lazyPage(() => import('./BriefingList'), 'BriefingList');
const BriefingShow = lazyPage(() => import('./BriefingShow'), 'BriefingShow');

export default {
  list: BriefingList,
  show: BriefingShow,
  create: BriefingCreate,
  icon: GavelIcon,
};
