// Tests synthesize hundreds of stacks: keep the per-stack summary line off unless a test turns it on.
process.env.OCI_IMAGE_TRANSFER_QUIET ??= '1';
