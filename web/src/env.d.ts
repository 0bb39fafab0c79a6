declare module 'dkfds/css';
