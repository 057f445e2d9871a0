// The Pact core reports usage metrics over the network unless told not to; tests never phone home.
process.env.PACT_DO_NOT_TRACK = 'true';
