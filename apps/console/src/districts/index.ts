import MapIcon from '@mui/icons-material/Map';
import { DistrictCreate } from './DistrictCreate';
import { DistrictEdit } from './DistrictEdit';
import { DistrictList } from './DistrictList';
import { DistrictShow } from './DistrictShow';

export default { list: DistrictList, show: DistrictShow, create: DistrictCreate, edit: DistrictEdit, icon: MapIcon };
