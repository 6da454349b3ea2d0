import GavelIcon from '@mui/icons-material/Gavel';
import { BriefingCreate } from './BriefingCreate';
import { BriefingList } from './BriefingList';
import { BriefingShow } from './BriefingShow';

export default {
  list: BriefingList,
  show: BriefingShow,
  create: BriefingCreate,
  icon: GavelIcon,
};
