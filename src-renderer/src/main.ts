// Renderer entry: attaches to the simulation through whichever face hosts this page.
import { mount } from 'svelte';
import '@xterm/xterm/css/xterm.css';
import './app.css';
import App from './App.svelte';
import { connect } from './lib/transport';

const target = document.getElementById('app');
if (!target) throw new Error('missing #app element');
mount(App, { target, props: { api: connect() } });
