// Bundles the dltips JupyterLab front end into build/: bundle.js (the application and every extension listed
// in package.json), plus the extensions' settings schemas and themes that the server reads from disk.
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const { Build } = require('@jupyterlab/builder');
const pkg = require('./package.json');

const out = path.resolve(__dirname, 'build');
const listed = [...pkg.jupyterlab.extensions, ...pkg.jupyterlab.mimeExtensions];

// Copies schemas to build/schemas, builds themes into build/themes and writes build/style.js (the CSS imports).
const assets = Build.ensureAssets({ packageNames: listed, output: out });

// build/plugins.js imports every listed package, so package.json is the one list of what the front end holds.
const importAll = (names, prefix) => names.map((name, i) => `import * as ${prefix}${i} from '${name}';`);
const arrayOf = (names, prefix) => `[${names.map((_, i) => prefix + i).join(', ')}]`;
fs.writeFileSync(path.join(out, 'plugins.js'), [
  '// Written by webpack.config.js from package.json; do not edit.',
  ...importAll(pkg.jupyterlab.extensions, 'extension'),
  ...importAll(pkg.jupyterlab.mimeExtensions, 'mime'),
  `export const extensions = ${arrayOf(pkg.jupyterlab.extensions, 'extension')};`,
  `export const mimeExtensions = ${arrayOf(pkg.jupyterlab.mimeExtensions, 'mime')};`,
  ''
].join('\n'));

// In stylesheets an SVG becomes a data URI; imported from code it is the SVG's text (LabIcon wants markup).
const svgRules = [
  { test: /\.svg$/, issuer: /\.css$/, type: 'asset/inline' },
  { test: /\.svg$/, issuer: /\.js$/, type: 'asset/source' }
];

const app = {
  name: 'dltips-lab',
  mode: 'production',
  entry: path.resolve(__dirname, 'src', 'index.js'),
  output: { path: out, filename: 'bundle.js', chunkFilename: '[name].[contenthash].js', publicPath: 'auto' },
  bail: true,
  devtool: false,
  performance: { hints: false },
  module: {
    rules: [
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      { test: /\.(png|jpe?g|gif|woff2?|ttf|eot)$/, type: 'asset' },
      { test: /\.(md|html)$/, type: 'asset/source' },
      ...svgRules
    ]
  },
  resolve: { fallback: { path: require.resolve('path-browserify') } },
  plugins: [
    new webpack.DefinePlugin({ 'process.env': '{}', process: { cwd: () => '/' } })
  ]
};

module.exports = [app, ...assets];
