import { createRoot } from 'react-dom/client';
import { getTillApi } from '../transport/index.ts';
import { App } from './App.tsx';
import '../styles/base.css';
import '../styles/till.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App api={getTillApi()} />);
