import { DirectoryTables1700000000100 } from '@titipan/directory';
import { Statements1700000007000 } from './1700000007000-statements';
import { ProductDim1700000008000 } from './1700000008000-product-dim';
import { Projections1700000009000 } from './1700000009000-projections';
import { IssuedStatementsImmutable1700000010100 } from './1700000010100-issued-statements-immutable';
import { ReplayTableFunctions1700000010200 } from './1700000010200-replay-table-functions';
import { MoneyControls1700000014100 } from './1700000014100-money-controls';
import { PnbpTargetLegalReference1700000016400 } from './1700000016400-pnbp-target-legal-reference';
import { StatementMoneyColumns1700000018100 } from './1700000018100-statement-money-columns';
import { ReplayJobs1700000018200 } from './1700000018200-replay-jobs';
import { OneConsignmentReader1700000019000 } from './1700000019000-one-consignment-reader';
import { MonthlyProductNational1700000019050 } from './1700000019050-monthly-product-national';
import { ReplayRebuildsStatementSources1700000019100 } from './1700000019100-replay-rebuilds-statement-sources';
import { Exhibitions1700000019200 } from './1700000019200-exhibitions';

/** In order; listed explicitly so bundled builds need no file globbing. */
export const REPORTING_MIGRATIONS = [
  DirectoryTables1700000000100,
  Statements1700000007000,
  ProductDim1700000008000,
  Projections1700000009000,
  IssuedStatementsImmutable1700000010100,
  ReplayTableFunctions1700000010200,
  MoneyControls1700000014100,
  PnbpTargetLegalReference1700000016400,
  StatementMoneyColumns1700000018100,
  ReplayJobs1700000018200,
  OneConsignmentReader1700000019000,
  MonthlyProductNational1700000019050,
  ReplayRebuildsStatementSources1700000019100,
  Exhibitions1700000019200,
];
