import ContactPhoneIcon from '@mui/icons-material/ContactPhone';
import { lazyPage } from '../lazyPage';

const ContactCreate = lazyPage(() => import('./ContactCreate'), 'ContactCreate');
const ContactEdit = lazyPage(() => import('./ContactEdit'), 'ContactEdit');
const ContactList = lazyPage(() => import('./ContactList'), 'ContactList');
const ContactShow = lazyPage(() => import('./ContactShow'), 'ContactShow');

export default { list: ContactList, show: ContactShow, create: ContactCreate, edit: ContactEdit, icon: ContactPhoneIcon };
