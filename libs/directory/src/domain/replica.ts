/** A Kanwil and a UPT as this service knows them from catalog.events. */
export interface KanwilView {
  code: string;
  name: string;
  updatedAt: string;
}

export interface UptView {
  code: string;
  name: string;
  type: string;
  class: string;
  kanwilCode: string;
  satkerCode: string;
  updatedAt: string;
}
