// cdktf and its tools must never phone home or look for updates during tests.
process.env.CHECKPOINT_DISABLE = '1';
process.env.DISABLE_VERSION_CHECK = '1';
process.env.JSII_SILENCE_SUPPORT_WARNING = '1';
