import MapIcon from '@mui/icons-material/Map';
import { DistrictList } from './DistrictList';
import { DistrictShow } from './DistrictShow';

export default { list: DistrictList, show: DistrictShow, icon: MapIcon };
