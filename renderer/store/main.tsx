import { createRoot } from 'react-dom/client';
import { createReportClient } from './report-client.ts';
import { StoreApp } from './StoreApp.tsx';
import '../styles/base.css';
import '../styles/store.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StoreApp client={createReportClient(window.location.hash)} />);
