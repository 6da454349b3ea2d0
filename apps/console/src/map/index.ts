import PlaceIcon from '@mui/icons-material/Place';
import { lazyPage } from '../lazyPage';

const CommunityMap = lazyPage(() => import('./CommunityMap'), 'CommunityMap');

// A menu entry of its own ("Map"), gated by canAccess like a resource list: communities-map → community:read.
export default { list: CommunityMap, icon: PlaceIcon };
