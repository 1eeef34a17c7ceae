/**
 * The parts of ECharts the dashboard uses, registered once. Imported only through `import()` from
 * `EChart.tsx`, so the library is a chunk of its own, fetched when the first chart is drawn and
 * never by the rest of the app. The SVG renderer keeps text as text: crisp on a projector, found
 * by the browser's search, and readable by tests.
 */
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, PieChart, GridComponent, LegendPlainComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export { init };
