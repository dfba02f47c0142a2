export { sh } from '../rig';
