import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';

/**
 * One Clock for the whole service: a module listing Clock among its own providers gets an instance of its own, and a
 * test standing at an instant (`app.get(Clock)`) would then move only one of them.
 */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
