/**
 * The list of `ips-trial` sub-commands. Add one line per command module; each
 * module exports `register(program)` which adds its command(s) with `--help`.
 */
import type { Command } from 'commander';
import { register as randomization } from './randomization';
import { register as demoData } from './demo-data';
import { register as serve } from './serve';
import { register as user } from './user';
import { register as audit } from './audit';
import { register as backup } from './backup';
import { register as migrate } from './migrate';
import { register as dictionary } from './dictionary';
import { register as eq5dIndex } from './eq5d-index';
import { register as buildWeb } from './build-web';
import { register as analyze } from './analyze';
import { register as exportCommand } from './export';
import { register as funderReport } from './funder-report';
import { register as restore } from './restore';
import { register as power } from './power';

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [randomization, demoData, serve, user, audit, backup, migrate, dictionary, eq5dIndex, analyze, buildWeb, exportCommand, funderReport, restore, power];
