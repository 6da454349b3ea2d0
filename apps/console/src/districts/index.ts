import MapIcon from '@mui/icons-material/Map';
import { lazyPage } from '../lazyPage';

const DistrictCreate = lazyPage(() => import('./DistrictCreate'), 'DistrictCreate');
const DistrictEdit = lazyPage(() => import('./DistrictEdit'), 'DistrictEdit');
const DistrictList = lazyPage(() => import('./DistrictList'), 'DistrictList');
const DistrictShow = lazyPage(() => import('./DistrictShow'), 'DistrictShow');

export default { list: DistrictList, show: DistrictShow, create: DistrictCreate, edit: DistrictEdit, icon: MapIcon };
