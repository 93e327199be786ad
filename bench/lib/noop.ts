// Does nothing: the reference for how long npm + tsx take to run any script on this machine.
