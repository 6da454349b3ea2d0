import UploadFileIcon from '@mui/icons-material/UploadFile';
import { CommunityImport } from './CommunityImport';

// A page rather than a list: react-admin shows it in the menu and checks canAccess('community-imports', 'list').
export default {
  list: CommunityImport,
  icon: UploadFileIcon,
};
