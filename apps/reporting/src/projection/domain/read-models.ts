/** The consumer that folds consignment events into the read models; names its inbox rows and its projection_state row. */
export const PROJECTIONS = 'consignment-projections';
