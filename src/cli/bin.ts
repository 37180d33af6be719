import { runFromProcess } from './node';
void runFromProcess();
