/** PAR access types (F-54); sharing an image needs `OBJECT_READ` only. */
export enum ParAccessType {
  OBJECT_READ = 'ObjectRead',
  OBJECT_WRITE = 'ObjectWrite',
  OBJECT_READ_WRITE = 'ObjectReadWrite',
  ANY_OBJECT_READ = 'AnyObjectRead',
  ANY_OBJECT_WRITE = 'AnyObjectWrite',
  ANY_OBJECT_READ_WRITE = 'AnyObjectReadWrite',
}
