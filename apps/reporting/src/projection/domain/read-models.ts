/** The consumer that folds consignment events into the read models; names its inbox rows and its projection_state row. */
export const PROJECTIONS = 'consignment-projections';

/** The one consumer group of consignment.events in reporting (decision 0027); names its inbox rows. */
export const CONSIGNMENT_READER = 'consignment-reader';
