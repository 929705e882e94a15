/** Why the statement slicer will not cut an anchor out (the layer then cannot check it): never a guess. */
export class GlueRefusal extends Error {}
