import HolidayVillageIcon from '@mui/icons-material/HolidayVillage';
import { CommunityCreate } from './CommunityCreate';
import { CommunityEdit } from './CommunityEdit';
import { CommunityList } from './CommunityList';
import { CommunityShow } from './CommunityShow';

export default {
  list: CommunityList,
  show: CommunityShow,
  create: CommunityCreate,
  edit: CommunityEdit,
  icon: HolidayVillageIcon,
};
