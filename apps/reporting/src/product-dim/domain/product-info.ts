/** What reporting knows of a product: names for statements and exports, the category for rollups. */
export interface ProductInfo {
  productId: string;
  sku: string;
  name: string;
  category: string;
  unit: string;
}
