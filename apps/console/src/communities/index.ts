import HolidayVillageIcon from '@mui/icons-material/HolidayVillage';
import { CommunityCreate } from './CommunityCreate';
import { CommunityList } from './CommunityList';
import { CommunityShow } from './CommunityShow';

export default { list: CommunityList, show: CommunityShow, create: CommunityCreate, icon: HolidayVillageIcon };
