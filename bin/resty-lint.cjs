#!/usr/bin/env node
require('../dist/resty-lint.cjs').cli();
