import UploadFileIcon from '@mui/icons-material/UploadFile';
import { lazyPage } from '../lazyPage';

const CommunityImport = lazyPage(() => import('./CommunityImport'), 'CommunityImport');

// A page rather than a list: react-admin shows it in the menu and checks canAccess('community-imports', 'list').
export default {
  list: CommunityImport,
  icon: UploadFileIcon,
};
