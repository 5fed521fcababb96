import { generateDataset } from './dataset/generate-dataset';
import { parseOptions } from './options';

// node --import tsx bench/generate.ts --deals 100000
const options = parseOptions(process.argv.slice(2));
console.log(
  `Generating ${options.deals.toLocaleString('en')} deals (seed ${options.seed}) into ${options.databaseUrl}`,
);
const marker = await generateDataset(options);
console.log(`Done in ${marker.seconds.total} s:`, marker.counts);
