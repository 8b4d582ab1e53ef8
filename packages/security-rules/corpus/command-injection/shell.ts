export { exec as run } from 'child_process';
