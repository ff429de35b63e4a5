import { createRoot } from 'react-dom/client';
import { getCustomerApi } from '../transport/index.ts';
import { CustomerApp } from './CustomerApp.tsx';
import '../styles/base.css';
import '../styles/customer.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<CustomerApp api={getCustomerApi()} />);
