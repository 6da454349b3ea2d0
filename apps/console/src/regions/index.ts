import PublicIcon from '@mui/icons-material/Public';
import { lazyPage } from '../lazyPage';

const RegionCreate = lazyPage(() => import('./RegionCreate'), 'RegionCreate');
const RegionEdit = lazyPage(() => import('./RegionEdit'), 'RegionEdit');
const RegionList = lazyPage(() => import('./RegionList'), 'RegionList');
const RegionShow = lazyPage(() => import('./RegionShow'), 'RegionShow');

export default { list: RegionList, show: RegionShow, create: RegionCreate, edit: RegionEdit, icon: PublicIcon };
