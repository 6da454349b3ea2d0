import PublicIcon from '@mui/icons-material/Public';
import { RegionCreate } from './RegionCreate';
import { RegionEdit } from './RegionEdit';
import { RegionList } from './RegionList';
import { RegionShow } from './RegionShow';

export default { list: RegionList, show: RegionShow, create: RegionCreate, edit: RegionEdit, icon: PublicIcon };
